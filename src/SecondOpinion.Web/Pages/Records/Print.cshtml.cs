using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.Web.Pages.Records;

/// <summary>
/// The finished request as a page to print and as a PDF, each with the patient's copy. Only a
/// request that has been made final, and still passes the completeness check, is produced.
/// </summary>
public class PrintModel(AppDbContext db, TimeProvider clock) : PlanPageModel
{
    [FromRoute(Name = "requestId")]
    public int RequestId { get; set; }

    public RecordsRequest RecordsRequest { get; private set; } = null!;

    /// <summary>Null when the request cannot be produced; <see cref="Missing"/> then says why.</summary>
    public RecordsDocument? Document { get; private set; }

    public IReadOnlyList<string> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return Document is null
            ? Page()
            : File(RecordsPdf.Write(Document), "application/pdf", $"records-request-{RequestId}.pdf");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var request = await db.RecordsRequests.AsNoTracking().OfPlan(PlanId).SingleOrDefaultAsync(r => r.Id == RequestId, cancellationToken);
        if (request is null)
        {
            return false;
        }

        RecordsRequest = request;
        var document = RecordsDocument.From(request);
        Missing = RecordsCompleteness.Missing(document, clock.Today(TimeZoneId));
        Document = request.Status != RecordsRequestStatus.Draft && Missing.Count == 0 ? document : null;
        return true;
    }
}
