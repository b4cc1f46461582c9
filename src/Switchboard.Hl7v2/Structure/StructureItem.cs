namespace Switchboard.Hl7v2.Structure;

/// <summary>One element of a structure definition: a segment or a named group, optional and/or repeating.</summary>
internal sealed class StructureItem(string name, bool isGroup, IReadOnlyList<StructureItem> children)
{
    public string Name { get; } = name;

    public bool IsGroup { get; } = isGroup;

    public bool Optional { get; set; }

    public bool Repeating { get; set; }

    public IReadOnlyList<StructureItem> Children { get; } = children;

    /// <summary>Segment ids that can start this item.</summary>
    public HashSet<string> First { get; } = new(StringComparer.Ordinal);

    /// <summary>Every segment id used anywhere below this item.</summary>
    public HashSet<string> All { get; } = new(StringComparer.Ordinal);

    public void Complete()
    {
        if (!IsGroup)
        {
            First.Add(Name);
            All.Add(Name);
            return;
        }

        var open = true;
        foreach (var child in Children)
        {
            child.Complete();
            All.UnionWith(child.All);
            if (open)
            {
                First.UnionWith(child.First);
                open = child.Optional;
            }
        }
    }
}
