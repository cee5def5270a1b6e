package org.p2px.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Agrona and Chronicle Queue need every option of deploy/jvm.options on the JVM's command line (a jar manifest
 * cannot carry them: Quarkus writes its own Add-Opens). deploy/run-server.sh passes the file itself; the container
 * image and the Maven build (tests, dev mode) hold copies, checked here.
 */
class ContainerImageTest
{
    private final Served served = new Served();

    @Test
    void theImageStartsJavaWithEveryOptionOfJvmOptions()
    {
        final List<String> imageOptions = Arrays.stream(served.required("quarkus.jib.jvm-additional-arguments").split(","))
            .map(String::trim)
            .toList();
        assertEquals(DeployFiles.jvmOptions(), imageOptions);
    }

    @Test
    void theMavenBuildPassesTheSameOptions() throws Exception
    {
        final Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        final String args = pom.getElementsByTagName("p2px.jvm.args").item(0).getTextContent();
        assertEquals(DeployFiles.jvmOptions(), List.of(args.trim().split("\\s+")));
    }

    @Test
    void theImageRunsAsAUserOtherThanRootAndKeepsItsDataAtAnAbsolutePath()
    {
        assertNotEquals(0, served.imageUser());
        assertTrue(Path.of(served.imageDataDir()).isAbsolute(), served.imageDataDir());
    }
}
