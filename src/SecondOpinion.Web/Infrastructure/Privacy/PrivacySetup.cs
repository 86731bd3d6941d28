namespace SecondOpinion.Web.Infrastructure.Privacy;

public static class PrivacySetup
{
    /// <summary>Downloading all of a person's data, and deleting a plan or an account for good.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services) =>
        services.AddScoped<PersonalDataExport>().AddScoped<Erasure>();
}
