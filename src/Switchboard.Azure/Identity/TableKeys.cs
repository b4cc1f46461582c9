using System.Globalization;
using System.Text;

namespace Switchboard.Azure.Identity;

/// <summary>
/// Table keys may not contain '/', '\', '#', '?' or control characters; source systems and MRNs may. Those
/// characters (and '%', the escape itself) are written as %XX, so distinct values stay distinct keys.
/// </summary>
internal static class TableKeys
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && !value.Any(NeedsEscape))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 8);
        if (value.Length == 0)
        {
            return "%00";
        }

        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
