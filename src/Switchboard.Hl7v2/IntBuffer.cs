namespace Switchboard.Hl7v2;

/// <summary>A growable int list whose array is handed over without a copy (the model keeps the spare capacity).</summary>
internal struct IntBuffer(int capacity)
{
    private int[] _items = new int[Math.Max(capacity, 4)];

    public int Count { get; private set; }

    public readonly int[] Items => _items;

    public void Add(int value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }
}
