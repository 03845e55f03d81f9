package org.invoicepipeline.sandbox.corpus;

import org.invoicepipeline.samples.CorpusDocument;
import org.invoicepipeline.samples.CorpusVariant;
import org.invoicepipeline.samples.SampleCorpus;
import org.invoicepipeline.sandbox.document.DocumentReader;
import org.junit.jupiter.api.Test;

class CorpusDebugTest {
    @Test
    void dump() throws Exception {
        SampleCorpus corpus = new SampleCorpus();
        for (CorpusVariant v : CorpusVariant.values()) {
            if (v == CorpusVariant.STANDARD || v == CorpusVariant.SCANNED) continue;
            CorpusDocument d = corpus.document(v, 1);
            System.out.println("=== " + d.fileName());
            System.out.println(new DocumentReader().read(d.fileName(), d.bytes()).text().replace("\t", " <T> "));
        }
        var results = new CorpusEvaluation().evaluate(corpus.documents(3));
        System.out.println(CorpusReport.markdown(results, 3));
        for (var r : results) System.out.println(r.document().fileName() + " " + r.messages());
    }
}
