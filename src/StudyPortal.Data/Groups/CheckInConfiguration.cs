using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;

namespace StudyPortal.Data.Groups;

public sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.Property(c => c.Reflection).HasMaxLength(CheckIn.ReflectionMaxLength);
        builder.Property(c => c.LeaderComment).HasMaxLength(CheckIn.LeaderCommentMaxLength);
        builder.HasIndex(c => new { c.AssignmentId, c.UserId }).IsUnique();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
