using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;

namespace SecondOpinion.Web.Infrastructure;

/// <summary>The signed-in user's place on the staff of the clinic named in the URL.</summary>
public sealed record ClinicStaffMembership(Guid ClinicId, string UserId, string ClinicName);

/// <summary>
/// The one place that decides whether the signed-in user may use a clinic's pages. It runs for
/// every page whose route has a <c>clinicId</c> and reads the staff list on every request, so a
/// removal counts from the next click. Anyone who is not on that clinic's staff (a stranger, a
/// patient, staff of another clinic) gets 404 and learns nothing, not even that the clinic exists.
/// </summary>
public sealed class ClinicStaffFilter(AppDbContext db, UserManager<IdentityUser> users) : IAsyncPageFilter
{
    public const string RouteKey = "clinicId";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.RouteData.Values.TryGetValue(RouteKey, out var rawClinicId))
        {
            await next();
            return;
        }

        var userId = users.GetUserId(context.HttpContext.User);
        var membership = userId is not null && Guid.TryParse(rawClinicId?.ToString(), out var clinicId)
            ? await db.Clinics.AsNoTracking()
                .Where(c => c.Id == clinicId && db.ClinicStaff.Any(s => s.ClinicId == clinicId && s.UserId == userId))
                .Select(c => new ClinicStaffMembership(clinicId, userId, c.Name))
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted)
            : null;
        if (membership is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        context.HttpContext.Features.Set(membership);
        await next();
    }
}
