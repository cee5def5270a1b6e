package org.p2px.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The metrics' command names are the schema's: every command of the schema, spelt as it spells it, and nothing else. */
class CommandNamesTest
{
    @Test
    void everyCommandOfTheSchemaHasItsSchemaName() throws Exception
    {
        final Map<Integer, String> commands = commandsOfTheSchema();
        assertFalse(commands.isEmpty());
        for (int templateId = 0; templateId <= CommandNames.MAX_TEMPLATE_ID + 1; templateId++)
        {
            assertEquals(commands.get(templateId), CommandNames.of(templateId), "template " + templateId);
        }
        assertNull(CommandNames.of(CommandRejectedDecoder.TEMPLATE_ID), "an event is no command");
    }

    private static Map<Integer, String> commandsOfTheSchema() throws Exception
    {
        final Map<Integer, String> commands = new TreeMap<>();
        try (InputStream schema = CommandNamesTest.class.getResourceAsStream("/sbe/p2px-codecs.xml"))
        {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            final NodeList messages = factory.newDocumentBuilder().parse(schema)
                .getElementsByTagNameNS("http://fixprotocol.io/2016/sbe", "message");
            for (int i = 0; i < messages.getLength(); i++)
            {
                final Element message = (Element)messages.item(i);
                final int id = Integer.parseInt(message.getAttribute("id"));
                if (id <= CommandNames.MAX_TEMPLATE_ID)
                {
                    commands.put(id, message.getAttribute("name"));
                }
            }
        }
        return commands;
    }
}
