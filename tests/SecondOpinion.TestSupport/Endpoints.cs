using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace SecondOpinion.TestSupport;

/// <summary>Every page of the app, read from its endpoint data source, so a new page is covered by the tests that use this.</summary>
public static partial class Endpoints
{
    /// <summary>Each page's route template ("plans/{planId:guid}/questions/{questionId:guid}") and its handler methods and names.</summary>
    public static IReadOnlyList<PageRoute> Pages(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (e.RoutePattern.RawText, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(e => e.Page is not null && e.RawText is not null)
            .Select(e => new PageRoute(e.RawText!.TrimStart('/'), e.Page!.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name)).ToList()))
            .DistinctBy(r => r.Template)
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ToList();

    /// <summary>The route templates of every endpoint that is not a page or a static file ("health").</summary>
    public static IReadOnlyList<string> Others(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is null && e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => e.RoutePattern.RawText?.TrimStart('/'))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A path for a route template: the plan's id for {planId}, the given id (or a new one) for other ids, 1 for numbers.</summary>
    public static string PathFor(string template, Guid planId, Guid? otherId = null) =>
        PathFor(template, planId, name => null, otherId);

    /// <summary>A path for a route template, with the value <paramref name="valueFor"/> gives for a parameter by name, or as above when it gives none.</summary>
    public static string PathFor(string template, Guid planId, Func<string, string?> valueFor, Guid? otherId = null) =>
        "/" + RouteParameter().Replace(template, match => match.Groups["name"].Value switch
        {
            "planId" => planId.ToString(),
            var name when valueFor(name) is { } value => value,
            "token" => UnknownToken,
            _ when match.Value.Contains(":guid", StringComparison.Ordinal) => (otherId ?? Guid.NewGuid()).ToString(),
            _ => "1",
        });

    /// <summary>A well-formed link token that no row has.</summary>
    public const string UnknownToken = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [GeneratedRegex(@"\{\**(?<name>\w+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}

public sealed record PageRoute(string Template, IReadOnlyList<(string Method, string? Name)> Handlers);
