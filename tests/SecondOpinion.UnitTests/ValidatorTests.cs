using SecondOpinion.Web.Domain;
using SecondOpinion.Web.Infrastructure.Accounts;
using SecondOpinion.Web.Pages.Account;
using SecondOpinion.Web.Pages.Plans;

namespace SecondOpinion.UnitTests;

public class ValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void A_plan_for_someone_else_needs_their_name_but_a_plan_for_me_does_not()
    {
        var validator = new NewModel.InputValidator();

        var forOther = validator.Validate(new NewModel.InputModel { For = PlanFor.SomeoneIHelp, PatientName = " " });
        var forMe = validator.Validate(new NewModel.InputModel { For = PlanFor.Myself });

        Assert.Equal("Write the name of the person you are helping.", Assert.Single(forOther.Errors).ErrorMessage);
        Assert.True(forMe.IsValid);
    }

    [Fact]
    public void A_plan_must_say_who_it_is_for()
    {
        var result = new NewModel.InputValidator().Validate(new NewModel.InputModel());

        Assert.Equal("Choose who the plan is for.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Theory]
    [InlineData(100, 300, true)]
    [InlineData(101, 300, false)]
    [InlineData(100, 301, false)]
    public void Plan_text_has_a_sensible_maximum(int nameLength, int aboutLength, bool valid)
    {
        var result = new NewModel.InputValidator().Validate(new NewModel.InputModel
        {
            For = PlanFor.SomeoneIHelp,
            PatientName = new string('n', nameLength),
            About = new string('a', aboutLength),
        });

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData("1899-12-31", false)]
    [InlineData("1900-01-01", true)]
    [InlineData("2026-11-27", true)]
    [InlineData("2026-11-28", false)]
    public void A_date_of_birth_is_between_1900_and_today(string date, bool valid)
    {
        var result = new DetailsModel.InputValidator(Today).Validate(new DetailsModel.InputModel
        {
            For = PlanFor.Myself,
            PatientDateOfBirth = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            TimeZoneId = "America/Chicago",
        });

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void The_time_zone_must_be_one_of_the_choices()
    {
        var result = new DetailsModel.InputValidator(Today).Validate(new DetailsModel.InputModel { For = PlanFor.Myself, TimeZoneId = "Europe/Paris" });

        Assert.Equal("Choose a time zone from the list.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void A_step_needs_a_status_and_notes_of_at_most_4000_characters()
    {
        var validator = new StepModel.InputValidator();

        Assert.True(validator.Validate(new StepModel.InputModel { Status = StepStatus.Done, Notes = new string('x', 4000) }).IsValid);
        Assert.False(validator.Validate(new StepModel.InputModel { Status = StepStatus.Done, Notes = new string('x', 4001) }).IsValid);
        Assert.False(validator.Validate(new StepModel.InputModel { Notes = "ok" }).IsValid);
        Assert.False(validator.Validate(new StepModel.InputModel { Status = (StepStatus)7 }).IsValid);
    }

    [Theory]
    [InlineData("", "Enter your email address.")]
    [InlineData("maria", "Enter an email address like name@example.com.")]
    public void Sign_up_explains_a_bad_email(string email, string message)
    {
        var result = new RegisterModel.InputValidator().Validate(new RegisterModel.InputModel
        {
            Email = email,
            Password = "blue kettle sunny garden",
            ConfirmPassword = "blue kettle sunny garden",
        });

        Assert.Equal(message, Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void A_password_needs_twelve_characters()
    {
        var result = new RegisterModel.InputValidator().Validate(new RegisterModel.InputModel
        {
            Email = "maria@example.com",
            Password = "elevenchars",
            ConfirmPassword = "elevenchars",
        });

        Assert.StartsWith("Use at least 12 characters.", Assert.Single(result.Errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password1234", true)]
    [InlineData("PASSWORD1234", true)]
    [InlineData("zzzzzzzzzzzzzz", true)]
    [InlineData("maria@example.com", true)]
    [InlineData("blue kettle sunny garden", false)]
    public void Common_passwords_are_too_easy(string password, bool tooEasy)
    {
        Assert.Equal(tooEasy, CommonPasswordValidator.IsTooEasy(password, "maria@example.com"));
    }
}
