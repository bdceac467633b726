-- Entities whose stitched form is out of date. A large run commits its stitching in chunks (one
-- transaction for hundreds of thousands of rows is several times slower, on H2 above all); the
-- references it still has to stitch wait here, so that a portal stopped half-way finishes the
-- work at its next start.
CREATE TABLE catalog_stitch_queue (
    entity_ref VARCHAR(200) NOT NULL PRIMARY KEY
);
