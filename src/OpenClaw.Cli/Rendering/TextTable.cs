using OpenClaw.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OpenClaw.Cli.Rendering;

/// <summary>Renders rows as an aligned, borderless Spectre.Console table on stdout (colour only on a terminal).</summary>
public static class TextTable
{
    /// <summary>Writes <paramref name="headers"/> and <paramref name="rows"/>; cells are plain text (no markup).</summary>
    public static void Write(CliContext context, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = context.UseColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.UseColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Redirected output has no terminal width; never wrap model ids.
        console.Profile.Width = 400;
        var table = new Table().Border(TableBorder.None).HideRowSeparators();
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))).NoWrap().PadLeft(0).PadRight(2));
        }
        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(cell => (IRenderable)new Text(cell))]);
        }
        console.Write(table);
    }
}
