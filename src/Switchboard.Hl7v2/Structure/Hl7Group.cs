namespace Switchboard.Hl7v2.Structure;

/// <summary>
/// A segment group of a message structure (e.g. ORU_R01's PATIENT_RESULT / ORDER_OBSERVATION / OBSERVATION), with
/// its segments and sub-groups in message order. Z-segments and segments unknown to the structure stay in the
/// group where they appear, so an NTE or ZDS after an OBX belongs to that OBX's OBSERVATION.
/// </summary>
public sealed class Hl7Group
{
    private readonly List<Hl7GroupItem> _items = [];

    internal Hl7Group(string name, Hl7Group? parent)
    {
        Name = name;
        Parent = parent;
    }

    /// <summary>The group name from the HL7 structure, e.g. <c>ORDER_OBSERVATION</c>; the root is the structure id.</summary>
    public string Name { get; }

    /// <summary>The enclosing group; null for the root.</summary>
    public Hl7Group? Parent { get; }

    /// <summary>Children in message order.</summary>
    public IReadOnlyList<Hl7GroupItem> Items => _items;

    /// <summary>Direct child segments.</summary>
    public IEnumerable<Hl7Segment> Segments => _items.Where(i => !i.IsGroup).Select(i => i.Segment);

    /// <summary>Direct child groups.</summary>
    public IEnumerable<Hl7Group> Groups => _items.Where(i => i.IsGroup).Select(i => i.Group!);

    /// <summary>The first segment of the group (its anchor, e.g. the OBX of an OBSERVATION).</summary>
    public Hl7Segment FirstSegment => AllSegments().FirstOrDefault();

    /// <summary>The <paramref name="occurrence"/>-th direct child segment with this id, or a missing segment.</summary>
    public Hl7Segment Segment(string id, int occurrence = 1) =>
        SegmentsWithId(id).Skip(occurrence - 1).FirstOrDefault();

    /// <summary>Direct child segments with this id.</summary>
    public IEnumerable<Hl7Segment> SegmentsWithId(string id) => Segments.Where(s => s.IdEquals(id));

    /// <summary>The <paramref name="occurrence"/>-th direct child group with this name, or null.</summary>
    public Hl7Group? Group(string name, int occurrence = 1) =>
        GroupsNamed(name).Skip(occurrence - 1).FirstOrDefault();

    /// <summary>Direct child groups with this name.</summary>
    public IEnumerable<Hl7Group> GroupsNamed(string name) => Groups.Where(g => g.Name == name);

    /// <summary>Every segment of the group and its descendants, in message order.</summary>
    public IEnumerable<Hl7Segment> AllSegments()
    {
        foreach (var item in _items)
        {
            if (item.Group is { } group)
            {
                foreach (var segment in group.AllSegments())
                {
                    yield return segment;
                }
            }
            else
            {
                yield return item.Segment;
            }
        }
    }

    /// <summary>Descendant groups (depth first) with this name, e.g. every OBSERVATION of a message.</summary>
    public IEnumerable<Hl7Group> Descendants(string name)
    {
        foreach (var group in Groups)
        {
            if (group.Name == name)
            {
                yield return group;
            }

            foreach (var nested in group.Descendants(name))
            {
                yield return nested;
            }
        }
    }

    /// <summary>An indented outline of the groups and segment ids, for diagnostics (no values).</summary>
    public string ToOutline()
    {
        var sb = new System.Text.StringBuilder();
        Outline(sb, 0);
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal void Add(Hl7Segment segment) => _items.Add(new Hl7GroupItem(segment, null));

    internal void Add(Hl7Group group) => _items.Add(new Hl7GroupItem(default, group));

    private void Outline(System.Text.StringBuilder sb, int depth)
    {
        sb.Append(' ', depth * 2).Append(Name).Append('\n');
        foreach (var item in _items)
        {
            if (item.Group is { } group)
            {
                group.Outline(sb, depth + 1);
            }
            else
            {
                sb.Append(' ', (depth + 1) * 2).Append(item.Segment.Id).Append('\n');
            }
        }
    }
}
