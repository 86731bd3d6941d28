using System.Globalization;
using Microsoft.Playwright;
using SecondOpinion.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SecondOpinion.BrowserTests;

/// <summary>The journeys of steps 1, 2, 3 and 6, with axe on every page they reach.</summary>
public class StepToolJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Main => Page.Locator("main");

    private Task ClickButtonAsync(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    private Task ClickLinkAsync(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.ClickAsync();

    [Fact]
    public async Task Steps_one_and_two_build_the_doctors_list_and_pick_the_second_opinion_doctor()
    {
        var plan = await SignUpWithPlanAsync("Rosa Diaz");
        await Page.GotoAsync($"{plan}/steps/1");
        await Expect(Page.Locator(".tool")).ToContainTextAsync("You have not added any doctors yet.");
        await ExpectPageIsAccessibleAsync();

        await Page.Locator(".tool").GetByRole(AriaRole.Link, new() { Name = "Add a doctor" }).ClickAsync();
        await Expect(Page.GetByLabel("My doctor recommended them")).ToBeCheckedAsync();
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("Phone").FillAsync("call me");
        await ClickButtonAsync("Save the doctor");
        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator("#Input_Name-error")).ToContainTextAsync("Write the doctor's name.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByLabel("The doctor's name").FillAsync("Dr. Ada Okafor");
        await Page.GetByLabel("Phone").FillAsync("555-123-4567");
        await Page.GetByLabel("Who told you about them?").FillAsync("Dr. Chen");
        await ClickButtonAsync("Save the doctor");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved Dr. Ada Okafor.");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync($"{plan}/steps/2");
        await Expect(Main).ToContainTextAsync("Check the doctor's training");
        await ExpectPageIsAccessibleAsync();
        await Page.Locator(".tool").GetByRole(AriaRole.Link, new() { Name = "Add a doctor" }).ClickAsync();
        await Page.GetByLabel("The doctor's name").FillAsync("Dr. Ben Park");
        await Page.GetByLabel("A teaching hospital").CheckAsync();
        await ClickButtonAsync("Save the doctor");

        // Pick by keyboard: Tab to the button and press Enter.
        await TabToAsync(".card-list li:nth-child(2) form button", maxPresses: 60);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dr. Ben Park is now your second-opinion doctor.");
        await Expect(Page.Locator(".tag--picked")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".card-list li").First.Locator("h2")).ToHaveTextAsync("Dr. Ben Park");
        await ExpectPageIsAccessibleAsync();

        await ClickLinkAsync("Change the details of Dr. Ada Okafor");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Change a doctor's details");
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("Not this one").CheckAsync();
        await ClickButtonAsync("Save the doctor");

        await ClickLinkAsync("Delete Dr. Ada Okafor");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Delete Dr. Ada Okafor from your list?");
        await ExpectPageIsAccessibleAsync();
        await ClickButtonAsync("Yes, delete this doctor");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dr. Ada Okafor is no longer on your list.");

        await Page.GotoAsync(plan);
        await Expect(Page.Locator("#step-1-status")).ToHaveTextAsync("In progress");
        await Expect(Page.Locator("#step-2-status")).ToHaveTextAsync("In progress");
    }

    [Fact]
    public async Task Step_three_shows_the_facts_for_the_coverage_and_fills_the_guide_from_a_call()
    {
        var plan = await SignUpWithPlanAsync();
        await Page.GotoAsync($"{plan}/steps/3");
        await ExpectPageIsAccessibleAsync();
        await ClickLinkAsync("Your coverage and your calls (0)");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your insurance");
        await ExpectPageIsAccessibleAsync();

        await ClickButtonAsync("Save");
        await Expect(Page.Locator("#Input_Kind-error")).ToBeVisibleAsync();
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("Original Medicare (the red, white and blue card)").CheckAsync();
        await ClickButtonAsync("Save");
        await Expect(Page.Locator("#facts-heading + *")).ToContainTextAsync("Original Medicare");
        await Expect(Main).ToContainTextAsync("20% of the cost");
        await ExpectPageIsAccessibleAsync();

        await ClickLinkAsync("Log a call");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log a call to your insurance");
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("Date of the call").FillAsync("");
        await ClickButtonAsync("Save the call");
        await Expect(Page.Locator("#Input_CalledOn-error")).ToContainTextAsync("Enter the date of the call.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByLabel("Date of the call").FillAsync(App.PlanDay());
        await Page.GetByLabel("Insurance plan or company").FillAsync("Medicare");
        await Page.GetByLabel("Reference number for the call").FillAsync("A-1234");
        await Page.Locator("#Input_Answers_0__Answer").CheckAsync();
        await Page.GetByLabel("What they said about question 1").FillAsync("Part B covers it.");
        await Page.Locator("#Input_Answers_1__Answer_1").CheckAsync();
        await ClickButtonAsync("Save the call");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved your call of");
        await Expect(Main).ToContainTextAsync("Part B covers it.");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync($"{plan}/steps/3");
        await Expect(Page.Locator(".tool")).ToContainTextAsync("Do I need a referral from my doctor?");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync($"{plan}/insurance");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Delete the call on" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Delete your call of");
        await ExpectPageIsAccessibleAsync();
        await ClickButtonAsync("Yes, delete this call");
        await Expect(Main).ToContainTextAsync("You have not logged any calls yet.");
    }

    [Fact]
    public async Task Step_six_books_the_visit_downloads_the_calendar_and_compares_two_opinions()
    {
        var plan = await SignUpWithPlanAsync("Rosa Diaz");
        await Page.GotoAsync($"{plan}/visit");
        await Expect(Main).ToContainTextAsync("First add the doctor to your doctors list.");
        await ExpectPageIsAccessibleAsync();
        await Page.GotoAsync($"{plan}/doctor");
        await Page.GetByLabel("The doctor's name").FillAsync("Dr. Ada Okafor");
        await Page.GetByLabel("Address").FillAsync("1 College Ave, Springfield");
        await Page.GetByLabel("A teaching hospital").CheckAsync();
        await ClickButtonAsync("Save the doctor");

        await Page.GotoAsync($"{plan}/steps/6");
        await ExpectPageIsAccessibleAsync();
        await ClickLinkAsync("Plan your visit, and what to bring");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your visit");
        await ClickButtonAsync("Save the visit");
        await Expect(Page.Locator("#Input_DoctorId-error")).ToContainTextAsync("Choose the doctor you will see.");
        await ExpectPageIsAccessibleAsync();

        var day = App.PlanDay(10);
        await Page.GetByLabel("Which doctor will you see?").SelectOptionAsync(new SelectOptionValue { Label = "Dr. Ada Okafor" });
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(day);
        await Page.GetByLabel("Time", new() { Exact = true }).FillAsync("09:30");
        await Page.GetByLabel("A video visit").CheckAsync();
        await ClickButtonAsync("Save the visit");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved your visit:");
        await Expect(Page.Locator(".panel--warning")).ToContainTextAsync("Do not rely on a phone call or a video call alone.");
        await Page.GetByLabel("Your list of questions").CheckAsync();
        await ClickButtonAsync("Save what is ready");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 of 6 things are ready to bring.");
        await ExpectPageIsAccessibleAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => ClickLinkAsync("Add it to your calendar (a calendar file)"));
        Assert.Equal("second-opinion-visit.ics", download.SuggestedFilename);
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!, Token);
        var start = Ical.Net.Calendar.Load(ics)!.Events.Single().DtStart!.AsUtc;
        var expected = TimeZoneInfo.ConvertTimeToUtc(
            DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 30)),
            TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal(expected, start);

        await ClickLinkAsync("See and print the visit brief for the doctor");
        await Page.GetByLabel("The patient's medicines").FillAsync("Metoprolol 25 mg twice a day");
        await ClickButtonAsync("Save the medicines");
        await Expect(Page.Locator(".brief")).ToContainTextAsync("Metoprolol 25 mg twice a day");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync($"{plan}/opinions");
        await ExpectPageIsAccessibleAsync();
        await ClickLinkAsync("Write down an opinion");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Write down an opinion");
        await ExpectPageIsAccessibleAsync();
        await ClickButtonAsync("Save the opinion");
        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await ExpectPageIsAccessibleAsync();
        await Page.GetByLabel("The doctor's name, if they are not on your list").FillAsync("Dr. Chen");
        await Page.GetByLabel("Date of the opinion").FillAsync(App.PlanDay(-30));
        await Page.GetByLabel("What the doctor recommends").FillAsync("Open-heart surgery soon.");
        await ClickButtonAsync("Save the opinion");

        await ClickLinkAsync("Write down an opinion");
        await Expect(Page.GetByLabel("The second opinion")).ToBeCheckedAsync();
        await Page.GetByLabel("Date of the opinion").FillAsync(App.PlanDay());
        await Page.GetByLabel("What the doctor recommends").FillAsync("Watch it for six months.");
        await ClickButtonAsync("Save the opinion");
        await Expect(Page.Locator(".compare")).ToContainTextAsync("Open-heart surgery soon.");
        await Expect(Page.Locator(".compare")).ToContainTextAsync("Watch it for six months.");

        await Page.GetByLabel("They are different").CheckAsync();
        await Page.Locator("form[aria-labelledby=compare-heading]").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("#differ")).ToContainTextAsync("Talk it over with both doctors.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByLabel("The choice you made").FillAsync("I will wait six months and check again.");
        await ClickButtonAsync("Finish the plan");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your plan is finished.");
        await ClickLinkAsync("Change the second opinion");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Change an opinion");
        await ExpectPageIsAccessibleAsync();
        await Page.GoBackAsync();
        await ClickLinkAsync("Delete the first opinion");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Delete the first opinion?");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync(plan);
        await Expect(Page.Locator("#plan-finished")).ToContainTextAsync("I will wait six months and check again.");
        await ExpectPageIsAccessibleAsync();
    }
}
