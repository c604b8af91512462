package org.corridor.core.ledger;

import org.corridor.core.Id128;

/** A pending transfer left {@link PendingStatus#PENDING}: posted, voided or expired. */
public record PendingResolution(Id128 pendingId, PendingStatus status) {}
