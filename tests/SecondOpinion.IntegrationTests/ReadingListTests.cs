using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinion.TestSupport;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.IntegrationTests;

public class ReadingListTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task What_was_read_is_kept_with_a_safe_link_and_a_note_and_starts_step_five()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var page = await AddAsync(client, plan, "Hip replacement", " https://medlineplus.gov/hipreplacement.html ", "Ask about the <b>recovery</b> time.");

        Assert.Contains("It is added to your reading list.", page.Text, StringComparison.Ordinal);
        var link = page.Document.QuerySelector(".reading-list a")!;
        Assert.Equal("Hip replacement", link.TextContent);
        Assert.Equal("https://medlineplus.gov/hipreplacement.html", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal("Ask about the <b>recovery</b> time.", page.Document.QuerySelector(".reading-list .user-text")!.TextContent);
        Assert.DoesNotContain("<b>recovery</b>", page.Html, StringComparison.Ordinal);

        var titleOnly = await AddAsync(client, plan, "A book from the library", null, null);
        Assert.Equal("A book from the library", titleOnly.Document.QuerySelectorAll(".reading-list li strong").Single().TextContent);

        var home = await client.GetAsync(plan, Token);
        Assert.Equal("In progress", home.Document.GetElementById("step-5-status")!.TextContent);
        var step = await client.GetAsync($"{plan}/steps/5", Token);
        Assert.Contains("It has 2 items.", step.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("medlineplus.gov")]
    [InlineData("ftp://example.com/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://")]
    public async Task Only_web_addresses_are_accepted_as_links(string url)
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var page = await AddAsync(client, plan, "Some page", url, "My note");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Enter a web address that starts with https:// or http://", page.FieldError("Input_Url"), StringComparison.Ordinal);
        Assert.Equal(url, page.Value("Input_Url"));
        Assert.Equal("My note", page.Value("Input_Note"));
        Assert.Empty(page.Document.QuerySelectorAll(".reading-list li"));
    }

    [Fact]
    public async Task A_title_is_needed_and_each_field_has_a_maximum()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;

        var noTitle = await AddAsync(client, plan, " ", null, null);
        Assert.Equal("Write a title, like the name of the page or the book.", noTitle.FieldError("Input_Title"));

        var tooLong = await AddAsync(client, plan, new string('t', 201), "https://example.com/" + new string('u', 2000), new string('n', 1001));
        Assert.Equal("A title can be at most 200 characters.", tooLong.FieldError("Input_Title"));
        Assert.Equal("A web address can be at most 2000 characters.", tooLong.FieldError("Input_Url"));
        Assert.StartsWith("A note can be at most 1000 characters.", tooLong.FieldError("Input_Note"), StringComparison.Ordinal);
        Assert.Empty(tooLong.Document.QuerySelectorAll(".reading-list li"));
    }

    [Fact]
    public async Task A_removed_item_can_be_brought_back()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        var page = await AddAsync(client, plan, "Heart valve surgery", "https://www.heart.org/", "Good pictures");

        var removed = await client.SubmitAsync(page, new Dictionary<string, string?>(), ".reading-list form", Token);
        Assert.Empty(removed.Document.QuerySelectorAll(".reading-list li"));
        Assert.Contains("You removed “Heart valve surgery” from your reading list.", removed.Text, StringComparison.Ordinal);

        var back = await client.SubmitAsync(removed, new Dictionary<string, string?>(), "form[action$='handler=Restore']", Token);
        Assert.Contains("It is back on your reading list.", back.Text, StringComparison.Ordinal);
        Assert.Equal("Good pictures", back.Document.QuerySelector(".reading-list .user-text")!.TextContent);
    }

    [Fact]
    public async Task A_reading_list_holds_at_most_100_items()
    {
        await using var app = new TestApp();
        var (client, plan) = await app.SignedUpWithPlanAsync(cancellationToken: Token);
        using var _ = client;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var planId = Guid.Parse(plan["/plans/".Length..]);
            db.ReadingItems.AddRange(Enumerable.Range(1, ReadingItem.MaxPerPlan)
                .Select(i => new ReadingItem { PlanId = planId, Title = $"Item {i}", CreatedAtUtc = DateTime.UtcNow }));
            await db.SaveChangesAsync(Token);
        }

        var page = await AddAsync(client, plan, "One too many", null, null);

        Assert.StartsWith("Your reading list already holds 100 items", page.FieldError("Input_Title"), StringComparison.Ordinal);
        Assert.Equal("One too many", page.Value("Input_Title"));
        Assert.Equal(ReadingItem.MaxPerPlan, page.Document.QuerySelectorAll(".reading-list li").Length);
    }

    private static async Task<HtmlPage> AddAsync(AppClient client, string plan, string title, string? url, string? note)
    {
        var page = await client.GetAsync($"{plan}/reading", Token);
        return await client.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["Input.Title"] = title,
            ["Input.Url"] = url,
            ["Input.Note"] = note,
        }, "form[action$='handler=Add']", Token);
    }
}
