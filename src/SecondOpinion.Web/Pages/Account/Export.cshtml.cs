using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Infrastructure.Privacy;

namespace SecondOpinion.Web.Pages.Account;

/// <summary>Download all my data: one JSON file, or the same as a page to read and print.</summary>
[Authorize]
public class ExportModel(PersonalDataExport export, UserManager<IdentityUser> users, SecurityEvents events, TimeProvider clock) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken) =>
        File(Encoding.UTF8.GetBytes(PersonalDataExport.ToJson(await BuildAsync(cancellationToken))), "application/json", FileName("json"));

    public async Task<IActionResult> OnGetHtmlAsync(CancellationToken cancellationToken) =>
        File(Encoding.UTF8.GetBytes(PersonalDataPage.Render(await BuildAsync(cancellationToken))), "text/html; charset=utf-8", FileName("html"));

    /// <summary>The export, and a "data downloaded" event (after it, so the export ends where the download began).</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> BuildAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var built = await export.BuildAsync(userId, cancellationToken);
        await events.RecordAsync(userId, SecurityEventKind.DataDownloaded, cancellationToken);
        return built;
    }

    private string FileName(string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"secondopinion-my-data-{clock.GetUtcNow():yyyy-MM-dd}.{extension}");
}
