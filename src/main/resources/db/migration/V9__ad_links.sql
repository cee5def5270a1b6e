-- A PRIVATE ad is reached by an unguessable link, not by its sequential id (which anyone can count through).
ALTER TABLE ad_texts ADD COLUMN link_token VARCHAR(32);
CREATE UNIQUE INDEX ad_texts_link_token ON ad_texts (link_token);
