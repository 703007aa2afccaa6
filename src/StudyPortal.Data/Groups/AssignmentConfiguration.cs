using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;

namespace StudyPortal.Data.Groups;

public sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Assignment.TitleMaxLength);
        builder.Property(a => a.Message).HasMaxLength(Assignment.MessageMaxLength);
        builder.HasMany(a => a.Sections).WithOne().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.CheckIns).WithOne(c => c.Assignment).HasForeignKey(c => c.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.GroupId, a.DueDate });
    }
}
