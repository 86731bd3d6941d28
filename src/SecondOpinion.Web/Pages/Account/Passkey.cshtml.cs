using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

/// <summary>Renames one of the person's own passkeys; an id that is not theirs is 404.</summary>
public class PasskeyModel(UserManager<IdentityUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is not { } found)
        {
            return NotFound();
        }

        Input.Name = found.Passkey.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync() is not { } found)
        {
            return NotFound();
        }

        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        found.Passkey.Name = Input.Name!.Trim();
        await users.AddOrUpdatePasskeyAsync(found.User, found.Passkey);
        TempData["Message"] = $"Your passkey is now called \"{found.Passkey.Name}\".";
        return Redirect("/account");
    }

    private async Task<(IdentityUser User, UserPasskeyInfo Passkey)?> FindAsync()
    {
        if (await users.GetUserAsync(User) is not { } user
            || PasskeyRules.ParseId(Id) is not { } id
            || await users.GetPasskeyAsync(user, id) is not { } passkey)
        {
            return null;
        }

        CurrentName = PasskeyRules.NameOf(passkey);
        return (user, passkey);
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() =>
            RuleFor(i => i.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Type a name for this passkey, such as “My phone”.")
                .PasskeyName();
    }
}
