// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;

import renkei.app.internal.Formats;
import renkei.app.internal.WidgetIds;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.ui.internal.CertificateDetails.Row;

/**
 * The decoded view of one certificate: its state (with the revocation's reason and reference),
 * subject, issuer, serial, validity, key, every extension and the fingerprints, and the PEM on the
 * clipboard or in a file. Decoding is cheap and runs on the UI thread; saving runs in a job. UI
 * thread only.
 */
final class CertificateDetailView {

    private final UISynchronize sync;
    private final Composite area;
    private final Label title;
    private final TableViewer viewer;
    private final Button copyPem;
    private final Button savePem;
    private final Label feedback;
    private IssuedCertificate shown;

    CertificateDetailView(Composite parent, UISynchronize sync) {
        this.sync = sync;
        area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 0).spacing(6, 4).applyTo(area);
        title = new Label(area, SWT.NONE);
        title.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(title);

        CaTable<Row> table = new CaTable<>(area, CaWidgetIds.DETAIL_TABLE, Row.class);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(table.area());
        viewer = table.viewer();
        table.column(Messages.Detail_colField, new ColumnWeightData(30, 120), Row::field, null, null, null);
        table.column(Messages.Detail_colValue, new ColumnWeightData(70, 200), Row::value, null, null, Row::value);

        copyPem = WidgetIds.name(new Button(area, SWT.PUSH), CaWidgetIds.COPY_PEM);
        copyPem.setText(Messages.Detail_copyPem);
        copyPem.addListener(SWT.Selection, event -> copyPem());
        savePem = new Button(area, SWT.PUSH);
        savePem.setText(Messages.Detail_savePem);
        savePem.addListener(SWT.Selection, event -> savePem());
        feedback = new Label(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(feedback);
        show(null);
    }

    Composite control() {
        return area;
    }

    void show(IssuedCertificate certificate) {
        shown = certificate;
        copyPem.setEnabled(certificate != null);
        savePem.setEnabled(certificate != null);
        feedback.setText("");
        if (certificate == null) {
            title.setText(Messages.Detail_none);
            viewer.setInput(List.of());
            return;
        }
        title.setText(certificate.commonName());
        viewer.setInput(CertificateDetails.rows(certificate, Instant.now()));
    }

    private void copyPem() {
        if (shown == null) {
            return;
        }
        Clipboard clipboard = new Clipboard(area.getDisplay());
        try {
            clipboard.setContents(new Object[] { CertificateDetails.pem(shown.der()) }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        feedback.setText(NLS.bind(Messages.Detail_copied, shown.serialHex()));
    }

    private void savePem() {
        if (shown == null) {
            return;
        }
        FileDialog dialog = new FileDialog(area.getShell(), SWT.SAVE);
        dialog.setOverwrite(true);
        dialog.setFileName(shown.serialHex() + ".pem");
        dialog.setFilterExtensions(new String[] { "*.pem", "*" });
        String file = dialog.open();
        if (file == null) {
            return;
        }
        byte[] pem = CertificateDetails.pem(shown.der()).getBytes(StandardCharsets.US_ASCII);
        CaCalls.local(sync, area, NLS.bind(Messages.Detail_saveJob, file), () -> {
            LocalFiles.write(Path.of(file), pem);
            return file;
        }, saved -> feedback.setText(NLS.bind(Messages.Detail_saved, saved)),
                e -> feedback.setText(NLS.bind(Messages.Detail_saveFailed, Formats.describe(e))));
    }
}
