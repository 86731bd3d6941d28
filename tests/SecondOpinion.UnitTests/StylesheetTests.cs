namespace SecondOpinion.UnitTests;

/// <summary>
/// Each feature appends its own section to the one stylesheet. A merge that drops a closing
/// brace nests every later section inside a print rule, and the screen quietly loses them.
/// </summary>
public class StylesheetTests
{
    private static readonly string Stylesheet = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "site.css"));

    [Fact]
    public void Every_section_of_the_stylesheet_starts_outside_any_block_and_every_block_closes()
    {
        var depth = 0;
        var inComment = false;
        var line = 1;
        var problems = new List<string>();
        for (var i = 0; i < Stylesheet.Length; i++)
        {
            var c = Stylesheet[i];
            if (c == '\n')
            {
                line++;
            }

            if (inComment)
            {
                inComment = !(c == '*' && i + 1 < Stylesheet.Length && Stylesheet[i + 1] == '/');
                continue;
            }

            if (c == '/' && i + 1 < Stylesheet.Length && Stylesheet[i + 1] == '*')
            {
                var startsLine = i == 0 || Stylesheet[i - 1] == '\n';
                if (startsLine && depth != 0)
                {
                    problems.Add($"line {line}: a section comment inside a block (depth {depth})");
                }

                inComment = true;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth < 0)
            {
                problems.Add($"line {line}: a closing brace with no block open");
                depth = 0;
            }
        }

        Assert.Empty(problems);
        Assert.Equal(0, depth);
    }
}
