using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure;
using SecondOpinion.Web.Pages.Plans;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Start;

/// <summary>
/// A clinic's start link. Anyone can open it and see which clinic it is from; a person who is not
/// signed in signs in or creates an account and comes back here. Starting the plan makes a plan of
/// their own with the clinic as the second-opinion doctor, whose records address and fax are
/// where records requests go. The clinic's staff never become members of the plan.
/// </summary>
public class IndexModel(AppDbContext db, UserManager<IdentityUser> users, TimeProvider clock) : PageModel, IPlanStartForm
{
    public enum Answer
    {
        NotFound,
        Retired,
        SignInFirst,
        Ready,
    }

    [BindProperty]
    public NewModel.InputModel Input { get; set; } = new();

    public Answer State { get; private set; }
    public string Token { get; private set; } = "";
    public string ClinicName { get; private set; } = "";

    public string ReturnUrl => $"/start/{Token}";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await DecideAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var (link, clinic) = await DecideAsync(token, cancellationToken);
        if (State != Answer.Ready || link is null || clinic is null
            || !await new NewModel.InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = Plan.Start(users.GetUserId(User)!, Input.For!.Value, Input.PatientName, Input.About, now);
        plan.StartedByClinicId = clinic.Id;
        plan.StartLinkId = link.Id;
        db.Plans.Add(plan);
        db.Doctors.Add(clinic.AsDoctorFor(plan.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Your plan is ready, with {clinic.Name} as the doctor for your second opinion. Here are the six steps.";
        return Redirect($"/plans/{plan.Id}");
    }

    private async Task<(StartLink? Link, Clinic? Clinic)> DecideAsync(string token, CancellationToken cancellationToken)
    {
        var link = await db.StartLinks.AsNoTracking().WithTokenAsync(token, cancellationToken);
        if (link is null)
        {
            SetState(Answer.NotFound);
            return (null, null);
        }

        Token = token;
        var clinic = await db.Clinics.AsNoTracking().SingleAsync(c => c.Id == link.ClinicId, cancellationToken);
        ClinicName = clinic.Name;
        SetState(link.IsRetired ? Answer.Retired : User.Identity?.IsAuthenticated == true ? Answer.Ready : Answer.SignInFirst);
        return (link, clinic);
    }

    private void SetState(Answer state)
    {
        State = state;
        Response.StatusCode = state switch
        {
            Answer.NotFound => StatusCodes.Status404NotFound,
            Answer.Retired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
    }
}
