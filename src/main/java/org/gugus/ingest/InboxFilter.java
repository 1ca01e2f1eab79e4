package org.gugus.ingest;

import java.io.File;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

/** Keeps the drop-folder route out of folders reached through symbolic links (see {@link DropFolder}). */
@Component("inboxFilter")
class InboxFilter implements GenericFileFilter<File> {

    private final DropFolder dropFolder;

    InboxFilter(DropFolder dropFolder) {
        this.dropFolder = dropFolder;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        return !file.isDirectory() || dropFolder.mayEnter(file.getFile().toPath());
    }
}
