namespace Switchboard.Hl7v2.Structure;

/// <summary>
/// Groups the segments of a message by its structure definition: a forward-only match in message order, the way
/// HAPI/NHapi do it. Segments not in the structure (Z-segments, unknown or damaged lines) join the group they appear
/// in; structure segments out of place join the root and are reported (V2302).
/// </summary>
public static class Hl7StructureMatcher
{
    /// <summary>Groups <paramref name="message"/>; issues go to <paramref name="issues"/> when given.</summary>
    public static Hl7Group Match(Hl7Message message, ICollection<Hl7Issue>? issues, Hl7ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        options ??= Hl7ParseOptions.Lenient;
        var structure = Hl7Structures.Resolve(message);
        var definition = structure.Length > 0 ? Hl7Structures.Definition(structure) : null;
        var segments = message.Segments.ToArray();
        if (definition is null)
        {
            var flat = new Hl7Group(structure.Length > 0 ? structure : message.MessageCode, null);
            foreach (var segment in segments)
            {
                flat.Add(segment);
            }

            issues?.Add(new Hl7Issue(
                Hl7IssueCodes.UnknownStructure, Hl7Severity.Information, new Hl7Location(message.Number, 1, "MSH", 9, 0, 0, 0, -1),
                "No segment-group definition for this message structure: segments are kept in one flat group."));
            return flat;
        }

        var state = new State(segments, definition.All, issues, message.Number, options.DeviationSeverity);
        var root = new Hl7Group(definition.Name, null);
        state.MatchChildren(definition, root);
        while (state.Position < segments.Length)
        {
            var extra = segments[state.Position++];
            root.Add(extra);
            issues?.Add(new Hl7Issue(
                Hl7IssueCodes.UnexpectedSegment, options.DeviationSeverity, extra.Location,
                $"Segment {extra.Id} is not allowed at this place in {definition.Name}; it was attached to the message root."));
        }

        return root;
    }

    private sealed class State(Hl7Segment[] segments, HashSet<string> known, ICollection<Hl7Issue>? issues, int messageNumber, Hl7Severity severity)
    {
        public int Position { get; set; }

        public void MatchChildren(StructureItem definition, Hl7Group group)
        {
            foreach (var child in definition.Children)
            {
                var matched = 0;
                while (true)
                {
                    // Segments the structure does not know stay with the group they follow.
                    while (Position < segments.Length && !IsKnown(segments[Position]))
                    {
                        group.Add(segments[Position++]);
                    }

                    if (Position >= segments.Length)
                    {
                        break;
                    }

                    var segment = segments[Position];
                    var id = segment.Id;
                    if (!child.IsGroup && id == child.Name)
                    {
                        group.Add(segment);
                        Position++;
                    }
                    else if (child.IsGroup && child.First.Contains(id))
                    {
                        var before = Position;
                        var nested = new Hl7Group(child.Name, group);
                        MatchChildren(child, nested);
                        group.Add(nested);
                        if (Position == before)
                        {
                            break;
                        }
                    }
                    else
                    {
                        break;
                    }

                    matched++;
                    if (!child.Repeating)
                    {
                        break;
                    }
                }

                if (matched == 0 && !child.Optional)
                {
                    var near = Position < segments.Length ? segments[Position].Location : group.FirstSegment.Location;
                    issues?.Add(new Hl7Issue(
                        Hl7IssueCodes.MissingRequiredSegment, severity,
                        near with { Message = messageNumber, SegmentId = near.SegmentId },
                        child.IsGroup
                            ? $"Required group {child.Name} of {definition.Name} is missing."
                            : $"Required segment {child.Name} of {definition.Name} is missing."));
                }
            }
        }

        private bool IsKnown(Hl7Segment segment) => segment.HasValidId && known.Contains(segment.Id);
    }
}
