namespace Switchboard.Hl7v2.Structure;

/// <summary>Parses the abstract message syntax used in <see cref="Hl7Structures"/> (trusted, compile-time text).</summary>
internal static class StructureSyntax
{
    public static StructureItem Parse(string name, string text)
    {
        var position = 0;
        var children = ParseItems(text, ref position, '\0');
        var root = new StructureItem(name, isGroup: true, children);
        root.Complete();
        return root;
    }

    private static List<StructureItem> ParseItems(string text, ref int position, char close)
    {
        var items = new List<StructureItem>();
        while (true)
        {
            SkipSpace(text, ref position);
            if (position >= text.Length || text[position] == close)
            {
                position++;
                return items;
            }

            items.Add(ParseItem(text, ref position));
        }
    }

    private static StructureItem ParseItem(string text, ref int position)
    {
        SkipSpace(text, ref position);
        var c = text[position];
        if (c is '[' or '{')
        {
            position++;
            var close = c == '[' ? ']' : '}';
            var item = ParseBracketContent(text, ref position, close);
            if (c == '[')
            {
                item.Optional = true;
            }
            else
            {
                item.Repeating = true;
            }

            return item;
        }

        return new StructureItem(ReadName(text, ref position), isGroup: false, []);
    }

    private static StructureItem ParseBracketContent(string text, ref int position, char close)
    {
        SkipSpace(text, ref position);
        var save = position;
        if (char.IsAsciiLetterUpper(text[position]))
        {
            var name = ReadName(text, ref position);
            if (position < text.Length && text[position] == ':')
            {
                position++;
                return new StructureItem(name, isGroup: true, ParseItems(text, ref position, close));
            }

            position = save;
        }

        var inner = ParseItem(text, ref position);
        SkipSpace(text, ref position);
        if (text[position] != close)
        {
            throw new InvalidOperationException($"Structure syntax: expected '{close}' at {position}.");
        }

        position++;
        return inner;
    }

    private static string ReadName(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        if (position == start)
        {
            throw new InvalidOperationException($"Structure syntax: expected a name at {position}.");
        }

        return text[start..position];
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }
}
