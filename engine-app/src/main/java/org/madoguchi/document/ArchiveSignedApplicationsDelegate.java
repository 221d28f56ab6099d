package org.madoguchi.document;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.madoguchi.audit.AuditAction;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.forms.ApplicationPdf;
import org.madoguchi.forms.FilledApplication;
import org.madoguchi.visit.Visit;
import org.madoguchi.visit.VisitApplications;
import org.madoguchi.visit.VisitRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Renders every application of a signed visit with its one signature and stores the PDFs in the archive's
 * hash chain. An async job: a missing Japanese font or a database failure becomes a retry, then an incident
 * whose message says what to install; all of a visit's documents are stored together or not at all.
 */
@Component
class ArchiveSignedApplicationsDelegate implements JavaDelegate {

  private final VisitRepository visits;
  private final VisitApplications applications;
  private final DocumentArchive archive;
  private final ObjectProvider<ApplicationPdf> pdf;
  private final AuditLog audit;

  ArchiveSignedApplicationsDelegate(VisitRepository visits, VisitApplications applications, DocumentArchive archive,
      ObjectProvider<ApplicationPdf> pdf, AuditLog audit) {
    this.visits = visits;
    this.applications = applications;
    this.archive = archive;
    this.pdf = pdf;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String visitId = execution.getProcessBusinessKey();
    if (archive.hasDocuments(visitId)) {
      return;
    }
    Visit visit = visits.find(visitId)
        .orElseThrow(() -> new IllegalStateException("visit " + visitId + " of this process is missing"));
    byte[] signature = visits.signature(visitId)
        .orElseThrow(() -> new IllegalStateException("visit " + visitId + " was submitted without a signature"));
    ApplicationPdf renderer = pdf.getObject();
    // render first: storing holds the archive's chain until this job commits, so it comes last and quick
    List<FilledApplication> filled = applications.fill(visit, signature);
    List<byte[]> pdfs = filled.stream().map(renderer::render).toList();
    for (int i = 0; i < filled.size(); i++) {
      FilledApplication application = filled.get(i);
      ArchivedDocument document = archive.store(visitId, application.form().id(), application.form().title(),
          pdfs.get(i));
      audit.record(AuditAction.ARCHIVE_DOCUMENT, visitId, null, "申請書 " + document.title() + " を電子保存");
    }
  }
}
