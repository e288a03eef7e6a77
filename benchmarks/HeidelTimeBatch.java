// Runs HeidelTime on many documents in ONE JVM (the standalone jar starts a JVM per file).
//
// Benchmark-only helper, started by benchmarks/heideltime_runner.py in Java's source-file mode:
//   java -cp <heideltime.jar> HeidelTimeBatch.java <language> <config.props>
// Reads one job per line on stdin: "<input.txt>\t<YYYY-MM-DD or ->\t<output.tml>", writes the
// TimeML output to <output.tml>, then answers "ok\t<nanoseconds>" (or "error\t<message>").
// It only calls HeidelTime's public API; no HeidelTime code is copied here.

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.heideltime.standalone.components.impl.TimeMLResultFormatter;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(System.out, true, "UTF-8");
        // HeidelTime logs to stdout/stderr; keep stdout for our protocol only.
        System.setOut(System.err);
        HeidelTimeStandalone.readConfigFile(args[1]);
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.getLanguageFromString(args[0]), DocumentType.NEWS, OutputType.TIMEML,
                args[1], POSTagger.TREETAGGER);
        TimeMLResultFormatter formatter = new TimeMLResultFormatter();
        BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        answers.println("ready");
        String line;
        while ((line = jobs.readLine()) != null) {
            String[] job = line.split("\t");
            try {
                String text = new String(Files.readAllBytes(Paths.get(job[0])), StandardCharsets.UTF_8);
                long begin = System.nanoTime();
                String timeml = job[1].equals("-")
                        ? tagger.process(text, formatter)
                        : tagger.process(text, new SimpleDateFormat("yyyy-MM-dd").parse(job[1]), formatter);
                long took = System.nanoTime() - begin;
                Files.write(Paths.get(job[2]), timeml.getBytes(StandardCharsets.UTF_8));
                answers.println("ok\t" + took);
            } catch (Exception e) {
                answers.println("error\t" + String.valueOf(e).replace('\n', ' '));
            }
        }
    }
}
