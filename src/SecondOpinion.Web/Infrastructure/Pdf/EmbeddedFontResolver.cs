using PdfSharp.Fonts;

namespace SecondOpinion.Web.Infrastructure.Pdf;

/// <summary>
/// PDFsharp needs fonts it can read; on Linux it finds none by itself. The app carries its own
/// (DejaVu Sans, Bitstream Vera licence, in Content/Fonts) inside its assembly, so a PDF can be made
/// on any machine, with or without fonts installed. Every family asked for is drawn in DejaVu Sans.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly EmbeddedFontResolver Instance = new();
    private static readonly object Gate = new();

    /// <summary>
    /// Installs the resolver for the whole process. PDFsharp allows this only once, before any font
    /// is used (or again with the same instance), so every PDF writer calls this first.
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver != Instance)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly
            .GetManifestResourceStream($"SecondOpinion.Web.Content.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
