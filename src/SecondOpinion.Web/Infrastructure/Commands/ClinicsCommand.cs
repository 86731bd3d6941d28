using Microsoft.EntityFrameworkCore;
using SecondOpinion.Web.Data;
using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Pages.Clinics;

namespace SecondOpinion.Web.Infrastructure.Commands;

/// <summary>
/// <c>clinics add "&lt;name&gt;" &lt;email&gt;</c> makes a clinic and emails its first staff member
/// an invite (the staff then invite the others from the site); <c>clinics list</c> shows the clinics.
/// </summary>
public static class ClinicsCommand
{
    public static async Task<int> AddAsync(IServiceProvider services, string name, string email, TextWriter output, CancellationToken cancellationToken)
    {
        var check = await new ClinicRules.NewClinicValidator().ValidateAsync(new ClinicRules.NewClinic(name, email), cancellationToken);
        if (!check.IsValid)
        {
            foreach (var error in check.Errors)
            {
                await output.WriteLineAsync($"{(error.PropertyName == nameof(ClinicRules.NewClinic.Name) ? "Clinic name" : "Email")}: {error.ErrorMessage}");
            }

            return 1;
        }

        var db = services.GetRequiredService<AppDbContext>();
        var clinicName = name.Trim();
        var names = await db.Clinics.Select(c => c.Name).ToListAsync(cancellationToken);
        if (names.Contains(clinicName, StringComparer.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync($"A clinic named \"{clinicName}\" already exists. Its staff can invite more people from the clinic's staff page.");
            return 1;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var clinic = new Clinic { Name = clinicName, CreatedAtUtc = now, UpdatedAtUtc = now };
        db.Clinics.Add(clinic);
        var address = email.Trim();
        var outcome = await services.GetRequiredService<ClinicStaffInvites>().InviteAsync(clinic, address, null, null, cancellationToken);
        await output.WriteLineAsync($"Made the clinic \"{clinic.Name}\" ({clinic.Id}).");
        if (!outcome.Sent)
        {
            await output.WriteLineAsync($"The invite is saved, but the email to {address} could not be sent (see the log). Give them this link yourself; it works once, for 7 days:");
            await output.WriteLineAsync(outcome.Link);
            return 1;
        }

        await output.WriteLineAsync($"Emailed an invite to {address}. The link works once, for 7 days.");
        return 0;
    }

    public static async Task<int> ListAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clinics = await db.Clinics.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new
            {
                c.Id,
                c.Name,
                Staff = db.ClinicStaff.Count(s => s.ClinicId == c.Id),
                Links = db.StartLinks.Count(l => l.ClinicId == c.Id && l.RetiredAtUtc == null),
            })
            .ToListAsync(cancellationToken);
        if (clinics.Count == 0)
        {
            await output.WriteLineAsync("There are no clinics yet. Add one with: clinics add \"<clinic name>\" <staff email>");
            return 0;
        }

        foreach (var clinic in clinics)
        {
            await output.WriteLineAsync($"{clinic.Id}  {clinic.Name}  staff: {clinic.Staff}  start links: {clinic.Links}");
        }

        return 0;
    }
}
