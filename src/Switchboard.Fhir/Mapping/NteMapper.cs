using Hl7.Fhir.Model;
using Switchboard.Hl7v2;

namespace Switchboard.Fhir.Mapping;

/// <summary>NTE → Annotation, IG sheets <c>NTE[Observation]</c>/<c>NTE[ServiceRequest]</c>: NTE-3 repetitions joined by newlines; NTE-5 author.</summary>
internal static class NteMapper
{
    public static Annotation? Map(MappingSession s, Hl7Segment nte)
    {
        s.Touch(nte);
        s.Take(nte, 1);
        s.Take(nte, 2);
        var text = Text(s, nte);
        if (text.Length == 0)
        {
            return null;
        }

        var note = new Annotation { Text = new Markdown(text) };
        var author = MappingSession.Field(nte, 5);
        if (author.HasValue && s.Xcn(author.Repetition(1)) is { } who)
        {
            note.Author = who;
        }

        var time = s.DateTime(s.Take(nte, 6));
        if (time is not null)
        {
            note.TimeElement = time;
        }

        var type = MappingSession.Field(nte, 4);
        s.MarkComponents(type, 1, 2, 3);
        return note;
    }

    public static string Text(MappingSession s, Hl7Segment nte) =>
        string.Join('\n', s.Take(nte, 3).Repetitions.Select(r => r.GetText(Hl7TextFormat.Render)));
}
