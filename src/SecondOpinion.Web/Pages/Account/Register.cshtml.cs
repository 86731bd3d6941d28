using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondOpinion.Web.Pages.Shared.Forms;

namespace SecondOpinion.Web.Pages.Account;

public class RegisterModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Redirect("/plans") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator().ValidateIntoAsync(Input, ModelState, nameof(Input), cancellationToken))
        {
            return Page();
        }

        var email = Input.Email!.Trim();
        var user = new IdentityUser { UserName = email, Email = email };
        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    AccountRules.FieldFor(error.Code, $"{nameof(Input)}.{nameof(Input.Email)}", $"{nameof(Input)}.{nameof(Input.Password)}"),
                    error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Message"] = "Your account is ready. Now start your plan.";
        return Redirect("/plans/new");
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.Email).ValidEmail();
            RuleFor(i => i.Password).NewPassword();
            RuleFor(i => i.ConfirmPassword).SameAs(i => i.Password);
        }
    }
}
