using System.Reflection;
using System.Text.Json;

namespace SecondOpinion.Web.Domain;

/// <summary>Reads the app's own wording kept as data under Content/ (built in as resources), so it can be edited and translated apart from the code.</summary>
internal static class ContentFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T Load<T>(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"SecondOpinion.Web.Content.{fileName}")
            ?? throw new InvalidOperationException($"Content/{fileName} is missing from the build.");
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"Content/{fileName} is empty.");
    }
}
