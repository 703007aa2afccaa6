using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Library;

namespace StudyPortal.Data.Accounts;

public sealed class ReadingProgressConfiguration : IEntityTypeConfiguration<ReadingProgress>
{
    public void Configure(EntityTypeBuilder<ReadingProgress> builder)
    {
        builder.Property(p => p.SectionKey).HasMaxLength(Section.KeyMaxLength);
        builder.HasIndex(p => new { p.UserId, p.SectionKey }).IsUnique();
        builder.HasIndex(p => new { p.UserId, p.LastReadAtUtc });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReadingVisitConfiguration : IEntityTypeConfiguration<ReadingVisit>
{
    public void Configure(EntityTypeBuilder<ReadingVisit> builder)
    {
        builder.Property(v => v.SectionKey).HasMaxLength(Section.KeyMaxLength);
        builder.HasIndex(v => new { v.UserId, v.SectionKey, v.StartedAtUtc });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
