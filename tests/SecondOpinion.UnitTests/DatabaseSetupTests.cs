using Microsoft.Extensions.Configuration;
using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.UnitTests;

public class DatabaseSetupTests
{
    private static IConfiguration With(string? provider, string? connectionString = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSetup.ProviderKey] = provider,
            [$"ConnectionStrings:{DatabaseSetup.ConnectionStringName}"] = connectionString,
        }).Build();

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSQL)]
    [InlineData("postgresql", DatabaseProvider.PostgreSQL)]
    public void The_provider_is_sqlite_unless_postgresql_is_named(string? configured, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseSetup.Provider(With(configured)));

    [Theory]
    [InlineData("MySql")]
    [InlineData("1")]
    public void Any_other_provider_stops_the_app_with_a_message_naming_both(string configured)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.Provider(With(configured)));

        Assert.Contains("Sqlite or PostgreSQL", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Data Source=data/secondopinion.db")]
    public void PostgreSQL_needs_its_own_connection_string(string? connectionString) =>
        Assert.Throws<InvalidOperationException>(() => DatabaseSetup.PostgreSqlConnectionString(With("PostgreSQL", connectionString)));

    [Fact]
    public void A_postgresql_connection_string_is_used_as_it_is() =>
        Assert.Equal("Host=db;Database=secondopinion", DatabaseSetup.PostgreSqlConnectionString(With("PostgreSQL", "Host=db;Database=secondopinion")));
}
