/**
 * In-memory fakes of every outgoing port, sharing one {@link FailurePlan} so that a test can make a
 * chosen port call fail. They are published in the test-jar for the tests of other modules.
 */
package io.croupier.application.fakes;
