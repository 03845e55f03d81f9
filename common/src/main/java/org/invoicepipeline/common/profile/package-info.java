/**
 * Building the {@code submitExtraction} request of a profile, shared by the submit stage (first attempt) and
 * the poll stage (resubmissions after a retryable failure), so both send identical requests.
 */
package org.invoicepipeline.common.profile;
