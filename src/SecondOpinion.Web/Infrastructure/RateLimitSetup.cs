using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>
/// The names of the rate limits, put on a page with <c>[EnableRateLimiting(RateLimitPolicies.SignIn)]</c>.
/// Each is counted twice, and either count can refuse: per client address (the rate limiting
/// middleware) and per account (<see cref="AccountRateLimitFilter"/>, for pages that name the
/// account with <see cref="IAccountRateLimited"/>). Both counts are kept in the database
/// (<see cref="RateLimitCounters"/>), so every app instance sees them. The limits are in
/// configuration, <c>RateLimits:{name}</c> (<see cref="RateLimitRules"/>).
/// </summary>
public static class RateLimitPolicies
{
    public const string SignIn = nameof(SignIn);
    public const string SignUp = nameof(SignUp);
    public const string ForgotPassword = nameof(ForgotPassword);
    public const string ResetPassword = nameof(ResetPassword);
    public const string Invite = nameof(Invite);
    public const string PacketLink = nameof(PacketLink);

    public static IReadOnlyList<string> All { get; } = [SignIn, SignUp, ForgotPassword, ResetPassword, Invite, PacketLink];

    /// <summary>Which requests to a page count: opening a packet link is any request; invites are sending and sending again; the rest are form posts.</summary>
    public static bool Counts(string policy, HttpRequest request) => policy switch
    {
        PacketLink => true,
        Invite => HttpMethods.IsPost(request.Method)
                  && request.Query["handler"].ToString() is var handler
                  && (handler.Equals("Invite", StringComparison.OrdinalIgnoreCase) || handler.Equals("Resend", StringComparison.OrdinalIgnoreCase)),
        _ => HttpMethods.IsPost(request.Method),
    };
}

/// <summary>How many counted requests one address, and one account, may make in one fixed window. 0 per account: not counted per account.</summary>
public sealed class RateLimitRule
{
    public int PerAddress { get; set; }
    public int PerAccount { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>A page whose rate limit also counts per account: the email typed, the account in a link, or the signed-in person.</summary>
public interface IAccountRateLimited
{
    string? RateLimitAccount { get; }
}

/// <summary>
/// Every policy's limits: these defaults, each part of which configuration can change
/// (<c>RateLimits:SignIn:PerAddress</c>...). Read once; a value that makes no sense stops the app at start.
/// </summary>
public sealed class RateLimitRules(IConfiguration configuration)
{
    public const string Section = "RateLimits";

    private static readonly Dictionary<string, (int PerAddress, int PerAccount, TimeSpan Window)> Defaults = new()
    {
        [RateLimitPolicies.SignIn] = (30, 10, TimeSpan.FromMinutes(15)),
        [RateLimitPolicies.SignUp] = (10, 3, TimeSpan.FromHours(1)),
        [RateLimitPolicies.ForgotPassword] = (10, 3, TimeSpan.FromHours(1)),
        [RateLimitPolicies.ResetPassword] = (20, 10, TimeSpan.FromHours(1)),
        [RateLimitPolicies.Invite] = (60, 30, TimeSpan.FromHours(1)),
        [RateLimitPolicies.PacketLink] = (120, 0, TimeSpan.FromMinutes(15)),
    };

    private readonly Dictionary<string, RateLimitRule> rules = RateLimitPolicies.All.ToDictionary(name => name, name => RuleFrom(configuration, name));

    public RateLimitRule this[string policy] => rules[policy];

    private static RateLimitRule RuleFrom(IConfiguration configuration, string name)
    {
        var (perAddress, perAccount, window) = Defaults[name];
        var rule = new RateLimitRule { PerAddress = perAddress, PerAccount = perAccount, Window = window };
        configuration.GetSection($"{Section}:{name}").Bind(rule);
        return rule is { PerAddress: > 0, PerAccount: >= 0 } && rule.Window > TimeSpan.Zero
            ? rule
            : throw new InvalidOperationException($"Set {Section}:{name}:PerAddress (above 0), :PerAccount (0 or more) and :Window (such as 00:15:00) in the configuration.");
    }
}

public static class RateLimitSetup
{
    public static IServiceCollection AddAppRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<RateLimitRules>();
        services.AddSingleton<RateLimitCounters>();
        services.AddSingleton<AccountRateLimitFilter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitRules, RateLimitCounters>((options, rules, counters) =>
        {
            // 429 with Retry-After; the status code page then shows the calm "Please wait" page.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext.Response, context.Lease);
                return ValueTask.CompletedTask;
            };
            foreach (var name in RateLimitPolicies.All)
            {
                var rule = rules[name];
                options.AddPolicy(name, context => RateLimitPolicies.Counts(name, context.Request)
                    ? RateLimitPartition.Get(ClientAddress(context), address => new SharedCountLimiter(
                        counters, RateLimitCounters.AddressKey(name, address), rule.PerAddress, rule.Window))
                    : RateLimitPartition.GetNoLimiter(""));
            }
        });
        return services;
    }

    internal static void SetRetryAfter(HttpResponse response, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>
/// The per-account half of each rate limit. It runs after model binding, so it reads the account
/// from the page (<see cref="IAccountRateLimited"/>) rather than parsing the form again. Unknown
/// and known accounts are counted alike, so a refusal says nothing about who has an account.
/// </summary>
public sealed class AccountRateLimitFilter(RateLimitRules rules, RateLimitCounters counters) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var account = (context.HandlerInstance as IAccountRateLimited)?.RateLimitAccount;
        if (policy is null || rules[policy].PerAccount == 0 || string.IsNullOrWhiteSpace(account)
            || !RateLimitPolicies.Counts(policy, context.HttpContext.Request))
        {
            await next();
            return;
        }

        var rule = rules[policy];
        using var lease = await counters.TakeAsync(
            RateLimitCounters.AccountKey(policy, account), rule.PerAccount, rule.Window, context.HttpContext.RequestAborted);
        if (!lease.IsAcquired)
        {
            RateLimitSetup.SetRetryAfter(context.HttpContext.Response, lease);
            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            return;
        }

        await next();
    }
}
