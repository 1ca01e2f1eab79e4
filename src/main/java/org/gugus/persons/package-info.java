/**
 * Persons: the human beings behind the warehouse's victim records. Links the reports of one victim
 * across offices, cases and deliveries by probabilistic record linkage (Fellegi–Sunter, package
 * {@code linkage}), keeps a stable {@code person_id} for each ({@code persons} schema), queues the
 * uncertain pairs for provincial staff and keeps their decisions.
 * <p>
 * Announces every change of persons with {@link org.gugus.persons.PersonsChanged}, so that what is
 * counted from persons (reporting) follows.
 */
@ApplicationModule(allowedDependencies = {"warehouse", "access", "reference", "system"})
package org.gugus.persons;

import org.springframework.modulith.ApplicationModule;
