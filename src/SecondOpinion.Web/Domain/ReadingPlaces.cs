namespace SecondOpinion.Web.Domain;

/// <summary>A place to read about a health problem. Some are not web sites (a library), so the link is optional.</summary>
public sealed record ReadingPlace(string Name, string? Url, string About);

/// <summary>Trustworthy places to read, and how to tell a good source, from Content/reading-places.json.</summary>
public static class ReadingPlaces
{
    private sealed record File(string GoodSource, IReadOnlyList<ReadingPlace> Places);

    private static readonly File Content = ContentFile.Load<File>("reading-places.json");

    public static string GoodSource => Content.GoodSource;

    public static IReadOnlyList<ReadingPlace> All => Content.Places;
}
