package org.corridor.sim.wallet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collector that stops at a byte limit: past it the exchange is cancelled and the body fails with an
 * {@link IOException}, so that a broken or hostile server cannot make the client buffer without bound.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int bytesMax;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(int bytesMax) {
        this.bytesMax = bytesMax;
    }

    /** A handler giving every response a collector limited to {@code bytesMax} bytes. */
    static HttpResponse.BodyHandler<byte[]> handler(int bytesMax) {
        return responseInfo -> new BoundedBody(bytesMax);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) return;
        for (ByteBuffer buffer : buffers) {
            if (collected.size() + (long) buffer.remaining() > bytesMax) {
                subscription.cancel();
                result.completeExceptionally(new IOException("the response body exceeds " + bytesMax + " bytes"));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            collected.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(collected.toByteArray());
    }
}
