package org.p2px.gateway.attachment;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application with {@code p2px.attachments.store=s3}, against an S3Mock the tests start ({@link S3MockServer}). */
public class S3StoreProfile implements QuarkusTestProfile
{
    @Override
    public List<TestResourceEntry> testResources()
    {
        return List.of(new TestResourceEntry(S3MockServer.class));
    }
}
