using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace SecondOpinion.Web.Infrastructure.Pdf;

/// <summary>
/// Writes plain text down US Letter pages: headings, wrapped paragraphs, labelled values and lines
/// to sign on, starting a new page when one is full. Enough for a form; no tables or pictures.
/// </summary>
public sealed class PdfTextWriter : IDisposable
{
    private const double PageWidth = 612; // US Letter, 8.5 by 11 inches, in points
    private const double PageHeight = 792;
    private const double Margin = 54; // three quarters of an inch
    private const double Width = PageWidth - (2 * Margin);
    private const double Bottom = PageHeight - Margin;
    private const double BodySize = 11;

    private readonly XFont body = new(EmbeddedFontResolver.FamilyName, BodySize, XFontStyleEx.Regular);
    private readonly XFont bodyBold = new(EmbeddedFontResolver.FamilyName, BodySize, XFontStyleEx.Bold);
    private readonly XFont subheading = new(EmbeddedFontResolver.FamilyName, 13, XFontStyleEx.Bold);
    private readonly XFont title = new(EmbeddedFontResolver.FamilyName, 17, XFontStyleEx.Bold);
    private readonly XFont small = new(EmbeddedFontResolver.FamilyName, 8.5, XFontStyleEx.Regular);
    private readonly PdfDocument document;
    private readonly string footer;
    private XGraphics? graphics;
    private double y;

    static PdfTextWriter() => EmbeddedFontResolver.Install();

    /// <param name="footer">Printed at the foot of every page with the page number, so a page that gets separated can be matched up.</param>
    public PdfTextWriter(PdfDocument document, string footer)
    {
        this.document = document;
        this.footer = footer;
        NewPage();
    }

    private XGraphics Graphics => graphics!;

    public void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        graphics = XGraphics.FromPdfPage(page);
        Graphics.DrawString($"{footer} Page {document.PageCount}.", small, XBrushes.Black, Margin, PageHeight - (Margin / 2), XStringFormats.BaseLineLeft);
        y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="lines"/> lines of body text still fit, so a block is not split.</summary>
    public void KeepTogether(int lines) => EnsureRoom(lines * body.GetHeight() * 1.6);

    public void Heading(string text) => Write(text, title, spaceBefore: 0, spaceAfter: 6);

    public void Subheading(string text) => Write(text, subheading, spaceBefore: 10, spaceAfter: 3);

    public void Paragraph(string text, bool bold = false) => Write(text, bold ? bodyBold : body, spaceBefore: 0, spaceAfter: 5);

    /// <summary>"Label: value", with each further line of the value below it.</summary>
    public void Labelled(string label, IReadOnlyList<string> lines)
    {
        if (lines.Count == 1)
        {
            Write($"{label}: {lines[0]}", body, spaceBefore: 0, spaceAfter: 3);
            return;
        }

        Write($"{label}:", body, spaceBefore: 0, spaceAfter: 1);
        foreach (var line in lines)
        {
            Write($"•  {line}", body, spaceBefore: 0, spaceAfter: 1);
        }

        y += 2;
    }

    /// <summary>A label and a long rule to write on by hand.</summary>
    public void SignatureLine(string label)
    {
        var lineHeight = body.GetHeight() + 18;
        EnsureRoom(lineHeight);
        y += 18;
        var labelWidth = Graphics.MeasureString($"{label}: ", body).Width;
        Graphics.DrawString($"{label}:", body, XBrushes.Black, Margin, y, XStringFormats.BaseLineLeft);
        Graphics.DrawLine(new XPen(XColors.Black, 0.75), Margin + labelWidth, y + 2, Margin + Width, y + 2);
        y += body.GetHeight();
    }

    public void Dispose() => graphics?.Dispose();

    private void Write(string text, XFont font, double spaceBefore, double spaceAfter)
    {
        y += spaceBefore;
        var lineHeight = font.GetHeight() * 1.15;
        foreach (var line in Wrap(text, font))
        {
            EnsureRoom(lineHeight);
            Graphics.DrawString(line, font, XBrushes.Black, Margin, y + font.GetHeight(), XStringFormats.BaseLineLeft);
            y += lineHeight;
        }

        y += spaceAfter;
    }

    private void EnsureRoom(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    /// <summary>Breaks text into lines that fit the page width, at spaces, or inside a word too long for a line.</summary>
    private IEnumerable<string> Wrap(string text, XFont font)
    {
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Fits(candidate, font))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    yield return line;
                }

                line = word;
                while (!Fits(line, font))
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && !Fits(line[..cut], font))
                    {
                        cut--;
                    }

                    yield return line[..cut];
                    line = line[cut..];
                }
            }

            yield return line;
        }
    }

    private bool Fits(string text, XFont font) => Graphics.MeasureString(text, font).Width <= Width;
}
