package io.croupier.adapter.in.cli;

import io.croupier.application.port.in.ClearLockoutUseCase;
import io.croupier.application.port.in.CreateOrganizationUseCase;
import io.croupier.application.port.in.DeleteOrganizationUseCase;
import io.croupier.application.port.in.GetOrganizationUseCase;
import io.croupier.application.port.in.ListAuditEventsUseCase;
import io.croupier.application.port.in.ListOrganizationsUseCase;
import io.croupier.application.port.in.LogInUseCase;
import io.croupier.application.port.in.MoveOrganizationUseCase;
import io.croupier.application.port.in.ResolveOrganizationAdminUseCase;
import io.croupier.application.port.in.TransferDocumentsUseCase;
import io.croupier.application.port.in.UpdateOrganizationUseCase;

/** Use cases on one open store, for one command; closing it releases the store. */
public interface Operations extends AutoCloseable {

  /** Returns the use case that creates an organization. */
  CreateOrganizationUseCase createOrganization();

  /** Returns the use case that reads an organization by name. */
  GetOrganizationUseCase getOrganization();

  /** Returns the use case that changes an organization's name, email or password. */
  UpdateOrganizationUseCase updateOrganization();

  /** Returns the use case that deletes an organization. */
  DeleteOrganizationUseCase deleteOrganization();

  /** Returns the use case that lists organizations page by page. */
  ListOrganizationsUseCase listOrganizations();

  /** Returns the use case that finds an organization's admin by the organization's name. */
  ResolveOrganizationAdminUseCase resolveOrganizationAdmin();

  /** Returns the use case that pages through an organization's audit events. */
  ListAuditEventsUseCase listAuditEvents();

  /** Returns the use case that exports and imports an organization's documents. */
  TransferDocumentsUseCase transferDocuments();

  /** Returns the use case that moves an organization's documents to another tier. */
  MoveOrganizationUseCase moveOrganization();

  /** Returns the use case that clears the recorded login failures of an account. */
  ClearLockoutUseCase clearLockout();

  /**
   * Returns the use case that logs an admin in.
   *
   * @throws IllegalArgumentException if the token settings are missing or invalid
   */
  LogInUseCase logIn();

  /** Releases the store; never throws. */
  @Override
  void close();
}
