using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Data.Accounts;

public sealed class UploadDraftConfiguration : IEntityTypeConfiguration<UploadDraft>
{
    public void Configure(EntityTypeBuilder<UploadDraft> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(UploadDraft.FileNameMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
