/**
 * Notifications out: alert rules kept as data, subscriptions, the per-user inbox and the outbox of
 * messages to send by e-mail and webhook.
 */
package org.vigil.model.notify;
