using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Library;

namespace StudyPortal.Data.Editing;

public sealed class DocumentEditConfiguration : IEntityTypeConfiguration<DocumentEdit>
{
    public void Configure(EntityTypeBuilder<DocumentEdit> builder)
    {
        builder.HasIndex(e => new { e.DocumentId, e.Revision }).IsUnique();
        builder.Property(e => e.UserName).HasMaxLength(AuditEntry.UserNameMaxLength);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Section).HasMaxLength(Section.KeyMaxLength);
        builder.HasOne(e => e.Document).WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
