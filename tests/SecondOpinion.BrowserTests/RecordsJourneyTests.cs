using Microsoft.Playwright;
using SecondOpinion.TestSupport;

namespace SecondOpinion.BrowserTests;

public class RecordsJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_caregiver_makes_an_authorization_prints_it_sends_it_chases_it_and_finishes_step_four()
    {
        var plan = await SignUpWithPlanAsync(RecordsJourneys.PatientName);
        var today = RecordsJourneys.Today(App);

        await Page.GotoAsync($"{plan}/steps/4");
        await Expect(Page.Locator(".records-tool")).ToContainTextAsync("You have not asked for any records yet.");
        await ExpectPageIsAccessibleAsync();

        await TabToAsync($".records-tool a[href='{plan}/records/new']", maxPresses: 60);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync("**/records/new");
        await Expect(Page.GetByLabel("The patient's full name")).ToHaveValueAsync(RecordsJourneys.PatientName);
        await ExpectPageIsAccessibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(Page.Locator("#Input_Route-error")).ToContainTextAsync("Choose how you want to ask for the records.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByLabel("A permission form (an authorization)").CheckAsync();
        await Page.GetByLabel("The patient's date of birth").FillAsync("1948-03-15");
        await Page.Locator("#Input_HolderName").FillAsync(RecordsJourneys.Holder);
        await Page.Locator("#Input_HolderAddress").FillAsync("12 Main Street\nSpringfield, IL 62701");
        await Page.Locator("#Input_HolderFax").FillAsync("217-555-0101");
        await Page.GetByLabel("Another doctor's office (type their details below)").CheckAsync();
        await Page.Locator("#Input_RecipientName").FillAsync(RecordsJourneys.Receiver);
        await Page.Locator("#Input_RecipientFax").FillAsync("312-555-0199");
        await Page.GetByLabel("Visit notes").CheckAsync();
        await Page.GetByLabel("The images themselves, on a disc or by a secure link").CheckAsync();
        await Page.GetByLabel("All dates").CheckAsync();
        await Page.GetByLabel("By fax").CheckAsync();
        await Page.GetByLabel("Date the permission ends").FillAsync(RecordsJourneys.IsoDate(today.AddYears(1)));
        await Page.GetByLabel("Someone signing for the patient").CheckAsync();
        await Page.GetByLabel("Name of the person signing for the patient").FillAsync("Ana Lopez");
        await Page.GetByLabel("Their right to sign for the patient").FillAsync("Power of attorney for health care");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your records request is saved as a draft.");
        await Expect(Page.Locator(".panel--next")).ToContainTextAsync("Everything is filled in.");
        var request = new Uri(Page.Url).AbsolutePath;
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync($"{request}/edit");
        await Expect(Page.GetByLabel("Visit notes")).ToBeCheckedAsync();
        await ExpectPageIsAccessibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();

        await TabToAsync("form[action*='handler=MakeReady'] button", maxPresses: 60);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("It is final.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Print the form" }).ClickAsync();
        await Expect(Page.Locator("article.records-form").First).ToContainTextAsync("You can take back (revoke) this permission");
        await Expect(Page.Locator("article.records-form--copy")).ToContainTextAsync("Patient's copy: keep this for your records");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync(request);
        await Page.GetByLabel("Date it was signed").FillAsync(RecordsJourneys.IsoDate(today.AddDays(-40)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark as signed" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked as signed.");
        await Page.GetByLabel("Date you sent it").FillAsync(RecordsJourneys.IsoDate(today.AddDays(-41)));
        await Page.GetByLabel("By fax").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark as sent" }).ClickAsync();
        await Expect(Page.Locator("#Change_On-error")).ToContainTextAsync("cannot be before the date it was signed");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByLabel("Date you sent it").FillAsync(RecordsJourneys.IsoDate(today.AddDays(-40)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark as sent" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked as sent.");
        await Expect(Page.Locator(".panel--next")).ToContainTextAsync("Overdue.");
        await ExpectPageIsAccessibleAsync();

        await Page.GetByLabel("Who did you speak to?").FillAsync("Pat at the front desk");
        await Page.GetByLabel("What did they say?").FillAsync("They lost the fax. They will send it on Friday.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the call" }).ClickAsync();
        await Expect(Page.Locator(".records-calls")).ToContainTextAsync("They lost the fax.");

        await Page.GotoAsync(plan);
        await Expect(Page.Locator(".panel--warning")).ToContainTextAsync("Overdue");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync($"{plan}/steps/4");
        await Page.GetByText("What to say when you call the office").ClickAsync();
        await Expect(Page.Locator(".records-script")).ToContainTextAsync("The patient is Maria Lopez, born March 15, 1948.");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync($"{plan}/records");
        await ExpectPageIsAccessibleAsync();

        await Page.GotoAsync(request);
        await Page.GetByLabel("Date the records arrived").FillAsync(RecordsJourneys.IsoDate(today));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark as received" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked as received.");

        await Page.GotoAsync($"{plan}/steps/4");
        await Expect(Page.Locator(".records-tool")).ToContainTextAsync("Is this step done?");
        await ExpectPageIsAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark step 4 as done" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Step 4 is done.");
        await Expect(Page.Locator("main > p .tag--done")).ToHaveTextAsync("Done");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
