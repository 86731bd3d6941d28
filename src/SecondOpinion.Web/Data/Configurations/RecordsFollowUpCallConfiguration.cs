using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondOpinion.Web.Domain;

namespace SecondOpinion.Web.Data.Configurations;

public class RecordsFollowUpCallConfiguration : IEntityTypeConfiguration<RecordsFollowUpCall>
{
    public void Configure(EntityTypeBuilder<RecordsFollowUpCall> builder)
    {
        builder.ToTable("RecordsFollowUpCalls");
        builder.Property(c => c.SpokeWith).HasMaxLength(RecordsFollowUpCall.SpokeWithMaxLength);
        builder.Property(c => c.WhatWasSaid).HasMaxLength(RecordsFollowUpCall.NotesMaxLength);
    }
}
