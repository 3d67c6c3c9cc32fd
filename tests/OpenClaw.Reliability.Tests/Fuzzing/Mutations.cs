using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace OpenClaw.Reliability.Tests.Fuzzing;

internal enum MutationKind
{
    FlipBit,
    Replace,
    Truncate,
    Insert,
    Delete,
    Duplicate,
    Snippet,
}

/// <summary>
/// One edit of an input. Positions are drawn large and taken modulo the input's length when applied, so one generated edit fits
/// any input.
/// </summary>
internal sealed record Mutation(MutationKind Kind, int At, int Length, int To, int Value)
{
    /// <summary>One to four edits.</summary>
    public static Gen<Mutation[]> Edits { get; } =
        from count in Gen.Frequency((4, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Choose(3, 4)))
        from edits in Gen.ArrayOf(One, count)
        select edits;

    private static Gen<Mutation> One =>
        from kind in Gen.Frequency(
            (3, Gen.Constant(MutationKind.FlipBit)), (3, Gen.Constant(MutationKind.Replace)), (1, Gen.Constant(MutationKind.Truncate)),
            (2, Gen.Constant(MutationKind.Insert)), (2, Gen.Constant(MutationKind.Delete)), (2, Gen.Constant(MutationKind.Duplicate)),
            (3, Gen.Constant(MutationKind.Snippet)))
        from at in Gen.Choose(0, int.MaxValue)
        from length in Gen.Frequency((4, Gen.Choose(1, 8)), (1, Gen.Choose(9, 200)))
        from to in Gen.Choose(0, int.MaxValue)
        from value in Gen.Choose(0, int.MaxValue)
        select new Mutation(kind, at, length, to, value);

    /// <summary>Applies every edit to a text; <paramref name="snippets"/> are the target's interesting fragments.</summary>
    public static string Apply(string original, IReadOnlyList<Mutation> edits, IReadOnlyList<string> snippets)
    {
        var text = new StringBuilder(original);
        foreach (var edit in edits)
        {
            var at = edit.At % (text.Length + 1);
            var length = Math.Min(edit.Length, text.Length - at);
            switch (edit.Kind)
            {
                case MutationKind.FlipBit when at < text.Length:
                    text[at] = (char)(text[at] ^ (1 << (edit.Value % 16)));
                    break;
                case MutationKind.Replace when at < text.Length:
                    text[at] = edit.Value % 3 == 0 ? (char)(edit.Value % 0x10000) : (char)(edit.Value % 0x80);
                    break;
                case MutationKind.Truncate:
                    text.Length = at;
                    break;
                case MutationKind.Insert:
                    text.Insert(at, edit.Value % 2 == 0 ? (char)(edit.Value % 0x80) : (char)(edit.Value % 0x10000));
                    break;
                case MutationKind.Delete when length > 0:
                    text.Remove(at, length);
                    break;
                case MutationKind.Duplicate when length > 0:
                    var slice = text.ToString(at, length);
                    text.Insert(edit.To % (text.Length + 1), slice);
                    break;
                default:
                    text.Insert(at, snippets[edit.Value % snippets.Count]);
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>Applies every edit to bytes (bit flips, any byte value, snippets as UTF-8).</summary>
    public static byte[] Apply(byte[] original, IReadOnlyList<Mutation> edits, IReadOnlyList<string> snippets)
    {
        var bytes = new List<byte>(original);
        foreach (var edit in edits)
        {
            var at = edit.At % (bytes.Count + 1);
            var length = Math.Min(edit.Length, bytes.Count - at);
            switch (edit.Kind)
            {
                case MutationKind.FlipBit when at < bytes.Count:
                    bytes[at] = (byte)(bytes[at] ^ (1 << (edit.Value % 8)));
                    break;
                case MutationKind.Replace when at < bytes.Count:
                    bytes[at] = (byte)edit.Value;
                    break;
                case MutationKind.Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case MutationKind.Insert:
                    bytes.Insert(at, (byte)edit.Value);
                    break;
                case MutationKind.Delete when length > 0:
                    bytes.RemoveRange(at, length);
                    break;
                case MutationKind.Duplicate when length > 0:
                    var slice = bytes.GetRange(at, length);
                    bytes.InsertRange(edit.To % (bytes.Count + 1), slice);
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(snippets[edit.Value % snippets.Count]));
                    break;
            }
        }
        return [.. bytes];
    }
}
