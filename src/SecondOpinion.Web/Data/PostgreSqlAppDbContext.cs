using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SecondOpinion.Web.Data;

/// <summary>
/// The context on PostgreSQL: the same model as <see cref="AppDbContext"/>, plus the
/// data-protection keys, which several instances must share (on SQLite they stay in a folder).
/// Being its own type gives it its own migrations, in <c>Data/Migrations/PostgreSql</c>; the
/// rest of the app asks for <see cref="AppDbContext"/> and gets this one.
/// </summary>
public class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options)
    : AppDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
