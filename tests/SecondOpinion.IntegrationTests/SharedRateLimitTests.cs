using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.IntegrationTests;

/// <summary>Rate limits counted in the database: two app instances on one database share every count.</summary>
public partial class SharedRateLimitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TestApp AppWithLimit(string policy, int perAddress, int perAccount, TestApp? sharingDatabaseWith = null)
    {
        var app = new TestApp(sameDatabaseAs: sharingDatabaseWith);
        app.Settings[$"RateLimits:{policy}:PerAddress"] = perAddress.ToString(CultureInfo.InvariantCulture);
        app.Settings[$"RateLimits:{policy}:PerAccount"] = perAccount.ToString(CultureInfo.InvariantCulture);
        return app;
    }

    /// <summary>Posts the sign-in form by hand (so many can go at once) and answers the status.</summary>
    private static async Task<HttpResponseMessage> PostSignInAsync(AppClient client, string antiforgeryToken, string email)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgeryToken,
            ["Input.Email"] = email,
            ["Input.Password"] = "not the right password",
        });
        return await client.Http.PostAsync("/account/sign-in", content, Token);
    }

    /// <summary>The statuses of requests already sent together.</summary>
    private static async Task<List<HttpStatusCode>> AllAtOnceAsync(IEnumerable<Task<HttpResponseMessage>> requests)
    {
        var responses = await Task.WhenAll(requests);
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        return statuses;
    }

    private static async Task<string> SignInFormTokenAsync(AppClient client) =>
        (await client.GetAsync("/account/sign-in", Token)).Document
        .QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Theory]
    [InlineData(3, 100, false)]
    [InlineData(100, 3, true)]
    public async Task Two_instances_on_one_database_count_sign_ins_together(int perAddress, int perAccount, bool sameEmail)
    {
        await using var first = AppWithLimit("SignIn", perAddress, perAccount);
        using var onFirst = new AppClient(first);
        var firstToken = await SignInFormTokenAsync(onFirst);
        await using var second = AppWithLimit("SignIn", perAddress, perAccount, sharingDatabaseWith: first);
        using var onSecond = new AppClient(second);
        var secondToken = await SignInFormTokenAsync(onSecond);
        var email = Journeys.NewEmail();
        string EmailFor(int attempt) => sameEmail ? email : $"{attempt}-{email}";

        var answers = new List<HttpStatusCode>();
        foreach (var (client, token, attempt) in new[] { (onFirst, firstToken, 1), (onFirst, firstToken, 2), (onSecond, secondToken, 3), (onSecond, secondToken, 4) })
        {
            using var response = await PostSignInAsync(client, token, EmailFor(attempt));
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromMinutes(15), $"Retry-After {retryAfter} is the time left in the 15-minute window.");
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Twenty_packet_link_opens_at_once_on_two_instances_let_exactly_the_limit_through()
    {
        await using var first = AppWithLimit("PacketLink", perAddress: 5, perAccount: 0);
        var (owner, plan) = await first.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = owner;
        var (_, path) = await owner.MakePacketLinkAsync(plan, cancellationToken: Token);
        await using var second = AppWithLimit("PacketLink", perAddress: 5, perAccount: 0, sharingDatabaseWith: first);
        using var officeOnFirst = new AppClient(first);
        using var officeOnSecond = new AppClient(second);
        Assert.Equal(HttpStatusCode.OK, (await officeOnSecond.GetAsync("/health/live", Token)).Status);

        var statuses = await AllAtOnceAsync(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? officeOnFirst : officeOnSecond).Http.GetAsync(path, Token)));

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, await first.QueryAsync(db => db.PacketLinkOpens.CountAsync(Token)));
    }

    [Fact]
    public async Task Twenty_sign_ins_at_once_for_one_email_on_two_instances_let_exactly_the_limit_through()
    {
        await using var first = AppWithLimit("SignIn", perAddress: 100, perAccount: 5);
        using var onFirst = new AppClient(first);
        var firstToken = await SignInFormTokenAsync(onFirst);
        await using var second = AppWithLimit("SignIn", perAddress: 100, perAccount: 5, sharingDatabaseWith: first);
        using var onSecond = new AppClient(second);
        var secondToken = await SignInFormTokenAsync(onSecond);
        var email = Journeys.NewEmail();

        var statuses = await AllAtOnceAsync(Enumerable.Range(0, 20).Select(i =>
            i % 2 == 0 ? PostSignInAsync(onFirst, firstToken, email) : PostSignInAsync(onSecond, secondToken, email)));

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Requests_that_do_not_count_never_reach_the_counters()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);

        foreach (var path in new[] { "/", "/account/sign-in", "/account/register", "/account/forgot-password", "/health/live" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, Token)).Status);
        }

        Assert.Equal(0, await app.QueryAsync(db => db.RateLimitCounters.CountAsync(Token)));
    }

    [Fact]
    public async Task Counters_keep_only_a_hash_of_the_address_and_the_email()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        var email = Journeys.NewEmail();
        await client.SignInAsync(email, "not the right password", Token);

        var keys = await app.QueryAsync(db => db.RateLimitCounters.Select(c => c.Key).ToListAsync(Token));

        Assert.Equal(2, keys.Count);
        Assert.All(keys, key => Assert.Matches(HashedKey(), key));
        Assert.Contains(RateLimitCounters.AccountKey(RateLimitPolicies.SignIn, email), keys);
        Assert.DoesNotContain(keys, key => key.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Rows_of_ended_windows_are_deleted_when_new_windows_start()
    {
        await using var app = new TestApp();
        using var client = new AppClient(app);
        await client.SignInAsync(Journeys.NewEmail(), "not the right password", Token);
        Assert.Equal(2, await app.QueryAsync(db => db.RateLimitCounters.CountAsync(Token)));

        app.Clock.Advance(TimeSpan.FromHours(2));
        await client.SignInAsync(Journeys.NewEmail(), "not the right password", Token);

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var left = await app.QueryAsync(db => db.RateLimitCounters.Select(c => c.WindowEndUtc).ToListAsync(Token));
        Assert.Equal(2, left.Count);
        Assert.All(left, end => Assert.True(end > now, "Only windows that have not ended are left."));
    }

    [Fact]
    public async Task Deleting_an_account_deletes_the_counts_of_its_email()
    {
        await using var app = new TestApp();
        var email = await app.AccountAsync(Token);
        using var person = new AppClient(app);
        await person.SignInAsync(email, "not the right password", Token);
        await person.SignInAsync(email, cancellationToken: Token);
        var emailKey = RateLimitCounters.AccountKey(RateLimitPolicies.SignIn, email);
        Assert.True(await app.QueryAsync(db => db.RateLimitCounters.AnyAsync(c => c.Key == emailKey, Token)));

        var done = await person.SubmitAsync(await person.GetAsync("/account/delete", Token),
            new Dictionary<string, string?> { ["Input.Password"] = Journeys.Password }, cancellationToken: Token);

        Assert.Contains("Your account and your data are deleted.", done.Text, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.RateLimitCounters.AnyAsync(c => c.Key == emailKey, Token)));
        Assert.True(await app.QueryAsync(db => db.RateLimitCounters.AnyAsync(Token)), "The counts per address stay: they are not the person's.");
    }

    [GeneratedRegex("^SignIn:(address|account):[0-9A-F]{64}$")]
    private static partial Regex HashedKey();
}
